#include "main_window.h"

#include "architecture_tree.h"
#include "common/errors.h"
#include "diagram/architecture_diagram.h"
#include "models/zoo.h"

#include <QApplication>
#include <QFileDialog>
#include <QTabWidget>
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
    m_tabs = new QTabWidget(splitter);
    m_diagram = new ArchitectureDiagram(m_tabs);
    m_diagram->setObjectName(QStringLiteral("architectureDiagram"));
    m_tree = new ArchitectureTree(m_tabs);
    m_tree->setObjectName(QStringLiteral("architectureTree"));
    m_tabs->addTab(m_diagram, tr("Diagram"));
    m_tabs->addTab(m_tree, tr("Layers"));
    splitter->addWidget(m_zoo);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});
    setCentralWidget(splitter);
    m_summary = new QLabel(this);
    statusBar()->addWidget(m_summary, 1);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Export Diagram..."), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportDiagram);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About TransferLab"), this, [this] {
        QMessageBox::about(this, tr("About TransferLab"),
                           tr("TransferLab %1\nA lab for transfer-learning experiments on images.")
                               .arg(QStringLiteral(TRANSFERLAB_VERSION)));
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Collapse to &Stages"), this, [this] { m_diagram->collapseToDepth(0); });
    view->addAction(tr("Collapse to &Blocks"), this, [this] { m_diagram->collapseToDepth(1); });
    view->addAction(tr("&Expand All"), this, [this] { m_diagram->expandAll(); });

    connect(m_diagram, &ArchitectureDiagram::freezeToggled, this, &MainWindow::setFrozen);
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
        m_arch = name;
        m_frozen.clear();
        m_tree->setSpec(spec, entry->defaultInputH, entry->defaultInputW);
        m_diagram->setSpec(spec, entry->defaultInputH, entry->defaultInputW);
        // Big networks open with their blocks folded, so the whole structure fits a screen.
        if (spec.nodes.size() > 150)
            m_diagram->collapseToDepth(1);
        m_diagram->setFrozen(m_frozen);
        updateSummary();
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

void MainWindow::setFrozen(const QStringList& layerIds, bool frozen)
{
    for (const QString& id : layerIds) {
        if (frozen)
            m_frozen.insert(id);
        else
            m_frozen.remove(id);
    }
    m_diagram->setFrozen(m_frozen);
    updateSummary();
}

void MainWindow::updateSummary()
{
    const ZooEntry* entry = findArch(m_arch.toStdString());
    if (!entry)
        return;
    const ArchSpec& spec = m_diagram->spec();
    qlonglong total = 0;
    qlonglong trainable = 0;
    for (const Node& n : spec.nodes) {
        for (const TensorInfo& t : nodeParameters(n)) {
            total += t.numel();
            if (!m_frozen.contains(QString::fromStdString(n.id)))
                trainable += t.numel();
        }
    }
    const QLocale locale;
    m_summary->setText(tr("%1: %2 of %3 parameters trainable, input %4×%5")
                           .arg(QString::fromStdString(entry->title), locale.toString(trainable), locale.toString(total))
                           .arg(entry->defaultInputH)
                           .arg(entry->defaultInputW));
}

void MainWindow::exportDiagram()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Diagram"), m_arch + QStringLiteral(".svg"),
                                                      tr("SVG image (*.svg);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? m_diagram->exportPng(path, 2.0, &error)
                                                                               : m_diagram->exportSvg(path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export Diagram"), tr("Could not export %1: %2").arg(path, error));
}

}  // namespace tl
