// The weights chooser: random initialisation, the hub cache's files and finished runs grouped,
// "Choose file..." through a file picker, a choice that is no longer offered kept visible, and
// the report under it.
#include "weights_chooser.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QtTest>

using namespace tl;

namespace {

QVector<WeightsEntry> sampleEntries()
{
    return {{WeightsEntry::Kind::HubFile, QStringLiteral("resnet18-f37072fd.pth"), QStringLiteral("/cache/resnet18-f37072fd.pth"), {}},
            {WeightsEntry::Kind::RunFolder, QStringLiteral("cats (2024-05-01 14:03)"), QStringLiteral("/runs/2024-05-01_14-03-00_cats"), {}},
            {WeightsEntry::Kind::HubFile, QStringLiteral("resnet18-old.pth"), QStringLiteral("/cache/resnet18-old.pth"), {}}};
}

QStringList visibleTexts(const QComboBox* combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        if (!combo->itemText(i).isEmpty())  // separators have no text
            texts << combo->itemText(i);
    return texts;
}

int rowOf(const QComboBox* combo, const QString& text)
{
    return combo->findText(text);
}

}  // namespace

class TestWeightsChooser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void offersEveryKindGrouped();
    void choosingARowEmitsItsPath();
    void chooseFileAsksAndCancelKeepsTheChoice();
    void aChoiceNoLongerOfferedStaysVisible();
    void showingAChoiceDoesNotEmit();
    void reportIsShownUnderTheChoice();
};

void TestWeightsChooser::offersEveryKindGrouped()
{
    WeightsChooser chooser;
    chooser.setEntries(sampleEntries());
    const QStringList texts = visibleTexts(chooser.comboBox());
    QCOMPARE(texts,
             QStringList({QStringLiteral("None (random initialisation)"), QStringLiteral("Torch hub cache"),
                          QStringLiteral("resnet18-f37072fd.pth"), QStringLiteral("resnet18-old.pth"),
                          QStringLiteral("Finished runs"), QStringLiteral("cats (2024-05-01 14:03)"),
                          QStringLiteral("Choose file...")}));
    QCOMPARE(chooser.listedPaths(),
             QStringList({QStringLiteral("/cache/resnet18-f37072fd.pth"), QStringLiteral("/cache/resnet18-old.pth"),
                          QStringLiteral("/runs/2024-05-01_14-03-00_cats")}));
    // Group titles cannot be chosen.
    auto* model = qobject_cast<QStandardItemModel*>(chooser.comboBox()->model());
    QVERIFY(model);
    QVERIFY(!model->item(rowOf(chooser.comboBox(), QStringLiteral("Torch hub cache")))->isEnabled());
    QCOMPARE(chooser.currentPath(), QString());
    QCOMPARE(chooser.comboBox()->currentText(), QStringLiteral("None (random initialisation)"));
}

void TestWeightsChooser::choosingARowEmitsItsPath()
{
    WeightsChooser chooser;
    chooser.setEntries(sampleEntries());
    QSignalSpy chosen(&chooser, &WeightsChooser::weightsChosen);
    QComboBox* combo = chooser.comboBox();
    const int run = rowOf(combo, QStringLiteral("cats (2024-05-01 14:03)"));
    combo->setCurrentIndex(run);
    Q_EMIT combo->activated(run);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.last().at(0).toString(), QStringLiteral("/runs/2024-05-01_14-03-00_cats"));
    QCOMPARE(chooser.currentKind(), WeightsEntry::Kind::RunFolder);
    // Back to random initialisation: an empty path.
    combo->setCurrentIndex(0);
    Q_EMIT combo->activated(0);
    QCOMPARE(chosen.count(), 2);
    QCOMPARE(chosen.last().at(0).toString(), QString());
    QCOMPARE(chooser.currentKind(), WeightsEntry::Kind::None);
}

void TestWeightsChooser::chooseFileAsksAndCancelKeepsTheChoice()
{
    WeightsChooser chooser;
    chooser.setEntries(sampleEntries());
    chooser.setCurrentPath(QStringLiteral("/cache/resnet18-old.pth"));
    QSignalSpy chosen(&chooser, &WeightsChooser::weightsChosen);
    QString answer;
    int asked = 0;
    chooser.setFilePicker([&](QWidget*, const QString&) {
        ++asked;
        return answer;
    });
    QComboBox* combo = chooser.comboBox();
    const int chooseRow = rowOf(combo, QStringLiteral("Choose file..."));
    combo->setCurrentIndex(chooseRow);
    Q_EMIT combo->activated(chooseRow);
    QCOMPARE(asked, 1);
    QCOMPARE(chosen.count(), 0);
    QCOMPARE(combo->currentText(), QStringLiteral("resnet18-old.pth"));
    QCOMPARE(chooser.currentPath(), QStringLiteral("/cache/resnet18-old.pth"));

    answer = QStringLiteral("/data/한글/가중치.pth");
    combo->setCurrentIndex(rowOf(combo, QStringLiteral("Choose file...")));
    Q_EMIT combo->activated(combo->currentIndex());
    QCOMPARE(asked, 2);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.last().at(0).toString(), answer);
    QCOMPARE(combo->currentText(), QStringLiteral("가중치.pth"));
    QCOMPARE(chooser.currentKind(), WeightsEntry::Kind::File);
}

void TestWeightsChooser::aChoiceNoLongerOfferedStaysVisible()
{
    WeightsChooser chooser;
    chooser.setEntries(sampleEntries());
    chooser.setCurrentPath(QStringLiteral("/cache/resnet18-f37072fd.pth"));
    // Another architecture: the resnet18 file is not offered any more, but still chosen.
    chooser.setEntries({{WeightsEntry::Kind::HubFile, QStringLiteral("resnet34-b627a593.pth"),
                         QStringLiteral("/cache/resnet34-b627a593.pth"), {}}});
    QCOMPARE(chooser.currentPath(), QStringLiteral("/cache/resnet18-f37072fd.pth"));
    QCOMPARE(chooser.comboBox()->currentText(), QStringLiteral("resnet18-f37072fd.pth"));
    QVERIFY(chooser.listedPaths().contains(QStringLiteral("/cache/resnet34-b627a593.pth")));
}

void TestWeightsChooser::showingAChoiceDoesNotEmit()
{
    WeightsChooser chooser;
    QSignalSpy chosen(&chooser, &WeightsChooser::weightsChosen);
    chooser.setCurrentPath(QStringLiteral("/runs/2024-05-01_14-03-00_cats/"));
    chooser.setEntries(sampleEntries());
    QCOMPARE(chosen.count(), 0);
    QCOMPARE(chooser.currentPath(), QStringLiteral("/runs/2024-05-01_14-03-00_cats"));
    QCOMPARE(chooser.comboBox()->currentText(), QStringLiteral("cats (2024-05-01 14:03)"));
}

void TestWeightsChooser::reportIsShownUnderTheChoice()
{
    WeightsChooser chooser;
    chooser.resize(300, 200);
    chooser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chooser));
    chooser.setReport(QStringLiteral("Does not fit resnet18: 40 missing"), WeightsChooser::Tone::Warning,
                      QStringLiteral("/cache/x.pth"));
    auto* label = chooser.findChild<QLabel*>(QStringLiteral("weightsReport"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("Does not fit resnet18: 40 missing"));
    QCOMPARE(chooser.reportTone(), WeightsChooser::Tone::Warning);
    QVERIFY(label->geometry().top() >= chooser.comboBox()->geometry().bottom());
    // Warnings are not drawn in the ordinary text colour.
    QVERIFY(label->palette().color(QPalette::WindowText) != chooser.palette().color(QPalette::WindowText));
}

QTEST_MAIN(TestWeightsChooser)
#include "tst_weights_chooser.moc"
