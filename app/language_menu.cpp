#include "language_menu.h"

#include "language.h"

#include <QActionGroup>

namespace tl {

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(tr("&Language"), parent)
{
    setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(this);
    const QString current = Language::configured();
    auto addChoice = [&](const QString& code, const QString& label) {
        QAction* action = addAction(label);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
    };
    addChoice(QString(), tr("System Default"));
    addSeparator();
    for (const QString& code : Language::available())
        addChoice(code, Language::nativeName(code));
    connect(group, &QActionGroup::triggered, this, [this](QAction* action) {
        const QString code = action->data().toString();
        Language::setConfigured(code);
        Q_EMIT languageChosen(code, tr("The language changes when TransferLab starts again."));
    });
}

}  // namespace tl
