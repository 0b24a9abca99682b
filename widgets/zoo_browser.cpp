#include "zoo_browser.h"

#include "common/errors.h"
#include "models/zoo.h"

#include <QHeaderView>
#include <QLocale>

namespace tl {

namespace {

QString familyTitle(const std::string& family)
{
    static const QHash<QString, QString> titles{
        {QStringLiteral("lenet"), QStringLiteral("LeNet")},         {QStringLiteral("alexnet"), QStringLiteral("AlexNet")},
        {QStringLiteral("vgg"), QStringLiteral("VGG")},             {QStringLiteral("googlenet"), QStringLiteral("Inception")},
        {QStringLiteral("resnet"), QStringLiteral("ResNet")},       {QStringLiteral("densenet"), QStringLiteral("DenseNet")},
        {QStringLiteral("unet"), QStringLiteral("U-Net")},          {QStringLiteral("mobilenet"), QStringLiteral("MobileNet")}};
    const QString key = QString::fromStdString(family);
    return titles.value(key, key);
}

QString millions(int64_t count)
{
    if (count < 1000000)
        return QLocale().toString(double(count) / 1e3, 'f', 1) + QStringLiteral(" k");
    return QLocale().toString(double(count) / 1e6, 'f', 1) + QStringLiteral(" M");
}

}  // namespace

ZooBrowser::ZooBrowser(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Architecture"), tr("Parameters"), tr("Input")});
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(ParamsColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(InputColumn, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setUniformRowHeights(true);
    setRootIsDecorated(true);
    QHash<QString, QTreeWidgetItem*> families;
    for (const ZooEntry& e : zoo()) {
        const QString familyName = familyTitle(e.family);
        QTreeWidgetItem*& family = families[familyName];
        if (!family) {
            family = new QTreeWidgetItem(this, {familyName});
            family->setFlags(Qt::ItemIsEnabled);
            QFont bold = family->font(NameColumn);
            bold.setBold(true);
            family->setFont(NameColumn, bold);
        }
        auto* item = new QTreeWidgetItem(family);
        item->setText(NameColumn, QString::fromStdString(e.title));
        item->setData(NameColumn, NameRole, QString::fromStdString(e.name));
        // Counted at the default number of classes (ImageNet's 1000 for most), as papers quote them.
        try {
            const int64_t params = buildArch(e.name).parameterCount(false);
            item->setText(ParamsColumn, millions(params));
            item->setToolTip(ParamsColumn, tr("%1 parameters with %2 classes").arg(QLocale().toString(qlonglong(params))).arg(e.defaultClasses));
        } catch (const Error& error) {
            item->setText(ParamsColumn, tr("?"));
            item->setToolTip(ParamsColumn, QString::fromStdString(error.what()));
        }
        item->setText(InputColumn, QStringLiteral("%1×%2").arg(e.defaultInputH).arg(e.defaultInputW));
        item->setTextAlignment(ParamsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(NameColumn, QString::fromStdString(e.paper));
        m_items.insert(QString::fromStdString(e.name), item);
    }
    expandAll();
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        if (current && current->data(NameColumn, NameRole).isValid())
            Q_EMIT architectureChosen(current->data(NameColumn, NameRole).toString());
    });
}

QTreeWidgetItem* ZooBrowser::itemFor(const QString& name) const
{
    return m_items.value(name, nullptr);
}

bool ZooBrowser::setCurrentArchitecture(const QString& name)
{
    QTreeWidgetItem* item = itemFor(name);
    if (!item)
        return false;
    const QSignalBlocker block(this);
    setCurrentItem(item);
    scrollToItem(item);
    return true;
}

QString ZooBrowser::currentArchitecture() const
{
    const QTreeWidgetItem* item = currentItem();
    return item ? item->data(NameColumn, NameRole).toString() : QString();
}

}  // namespace tl
