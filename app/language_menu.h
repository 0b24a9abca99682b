#pragma once

#include <QMenu>

namespace tl {

/// The Language menu: follow the system, or one of the shipped languages. The choice is saved
/// and applies from the next start, since every window reads its strings once when it is built.
class LanguageMenu final : public QMenu {
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget* parent = nullptr);

Q_SIGNALS:
    /// A new choice was saved; `note` tells the user when it takes effect.
    void languageChosen(const QString& code, const QString& note);
};

}  // namespace tl
