#include "main_window.h"

#include "architecture_tree.h"
#include "common/errors.h"
#include "models/zoo.h"

#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>

namespace tl {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("TransferLab"));
    auto* splitter = new QSplitter(this);
    m_zoo = new QListWidget(splitter);
    m_zoo->setObjectName(QStringLiteral("zooList"));
    m_tree = new ArchitectureTree(splitter);
    m_tree->setObjectName(QStringLiteral("architectureTree"));
    splitter->addWidget(m_zoo);
    splitter->addWidget(m_tree);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});
    setCentralWidget(splitter);
    m_summary = new QLabel(this);
    statusBar()->addWidget(m_summary, 1);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About TransferLab"), this, [this] {
        QMessageBox::about(this, tr("About TransferLab"),
                           tr("TransferLab %1\nA lab for transfer-learning experiments on images.")
                               .arg(QStringLiteral(TRANSFERLAB_VERSION)));
    });

    populateZoo();
    connect(m_zoo, &QListWidget::currentTextChanged, this, [this](const QString&) {
        if (QListWidgetItem* item = m_zoo->currentItem())
            showArchitecture(item->data(Qt::UserRole).toString());
    });
    resize(1280, 800);
}

void MainWindow::populateZoo()
{
    for (const ZooEntry& e : zoo()) {
        auto* item = new QListWidgetItem(QString::fromStdString(e.title), m_zoo);
        item->setData(Qt::UserRole, QString::fromStdString(e.name));
        item->setToolTip(QString::fromStdString(e.paper));
    }
}

bool MainWindow::showArchitecture(const QString& name)
{
    const ZooEntry* entry = findArch(name.toStdString());
    if (!entry)
        return false;
    try {
        const ArchSpec spec = buildArch(entry->name);
        m_tree->setSpec(spec, entry->defaultInputH, entry->defaultInputW);
        m_summary->setText(tr("%1: %2 parameters, input %3×%4")
                               .arg(QString::fromStdString(entry->title))
                               .arg(QLocale().toString(static_cast<qlonglong>(spec.parameterCount())))
                               .arg(entry->defaultInputH)
                               .arg(entry->defaultInputW));
    } catch (const Error& e) {
        m_summary->setText(QString::fromStdString(e.what()));
        return false;
    }
    for (int row = 0; row < m_zoo->count(); ++row) {
        if (m_zoo->item(row)->data(Qt::UserRole).toString() == name && m_zoo->currentRow() != row) {
            const QSignalBlocker block(m_zoo);
            m_zoo->setCurrentRow(row);
        }
    }
    return true;
}

}  // namespace tl
