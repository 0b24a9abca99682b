// The confusion matrix heat map: counts, row-normalised colours, hover and cell clicks.
#include "confusion_view.h"

#include <QSignalSpy>
#include <QtTest>

using namespace tl;

class TestConfusionView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void clickingACellEmitsTruthAndPrediction_data();
    void clickingACellEmitsTruthAndPrediction();
    void clickOutsideTheCellsEmitsNothing();
    void coloursFollowTheRowShare();
    void paintedCellsShowTheirColour();
    void hoverNamesTheCellAndItsCounts();
    void emptyViewShowsItsMessage();

private:
    std::unique_ptr<ConfusionView> m_view;
};

void TestConfusionView::init()
{
    m_view = std::make_unique<ConfusionView>();
    // cat: 8 of 10 right; dog: 1 of 4 right; 새: no validation images at all.
    m_view->setMatrix({QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("새")},
                      {{8, 2, 0}, {3, 1, 0}, {0, 0, 0}});
    m_view->resize(500, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestConfusionView::clickingACellEmitsTruthAndPrediction_data()
{
    QTest::addColumn<int>("truth");
    QTest::addColumn<int>("predicted");
    QTest::newRow("cat as cat") << 0 << 0;
    QTest::newRow("cat as dog") << 0 << 1;
    QTest::newRow("dog as cat") << 1 << 0;
    QTest::newRow("bird as dog (empty)") << 2 << 1;
    QTest::newRow("dog as bird") << 1 << 2;
}

void TestConfusionView::clickingACellEmitsTruthAndPrediction()
{
    QFETCH(int, truth);
    QFETCH(int, predicted);
    QSignalSpy spy(m_view.get(), &ConfusionView::cellActivated);
    const QRect cell = m_view->cellRect(truth, predicted);
    QVERIFY(m_view->rect().contains(cell));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), truth);
    QCOMPARE(spy.at(0).at(1).toInt(), predicted);
}

void TestConfusionView::clickOutsideTheCellsEmitsNothing()
{
    QSignalSpy spy(m_view.get(), &ConfusionView::cellActivated);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, QPoint(3, 3));
    const QRect last = m_view->cellRect(2, 2);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, last.bottomRight() + QPoint(4, 4));
    QCOMPARE(spy.count(), 0);
    // Pressing on one cell and releasing on another is no click on either.
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, m_view->cellRect(0, 0).center());
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, m_view->cellRect(1, 1).center());
    QCOMPARE(spy.count(), 0);
}

void TestConfusionView::coloursFollowTheRowShare()
{
    QCOMPARE(m_view->count(0, 1), 2);
    QCOMPARE(m_view->rowFraction(0, 0), 0.8);
    QCOMPARE(m_view->rowFraction(1, 0), 0.75);
    QCOMPARE(m_view->rowFraction(2, 2), 0.0);
    // Diagonal cells are blue, mistakes red, and a bigger share of the row is darker.
    const QColor right = m_view->cellColor(0, 0);
    const QColor wrong = m_view->cellColor(1, 0);
    QVERIFY(right.blue() > right.red());
    QVERIFY(wrong.red() > wrong.blue());
    QVERIFY(m_view->cellColor(1, 0).lightnessF() < m_view->cellColor(0, 1).lightnessF());  // 75 % vs 20 %
    // Rows are normalised: dog's 1 right of 4 is as pale as its share, not its count, says.
    QVERIFY(m_view->cellColor(1, 1).lightnessF() > m_view->cellColor(0, 0).lightnessF());
    // Empty cells and a class without images stay white.
    QCOMPARE(m_view->cellColor(0, 2), QColor(Qt::white));
    QCOMPARE(m_view->cellColor(2, 2), QColor(Qt::white));
}

void TestConfusionView::paintedCellsShowTheirColour()
{
    const QImage image = m_view->grab().toImage();
    for (const QPoint& cell : {QPoint(0, 0), QPoint(1, 0), QPoint(1, 1), QPoint(2, 2)}) {
        const QRect r = m_view->cellRect(cell.x(), cell.y());
        // A corner of the cell, away from the count in its middle and the grid lines.
        const QColor painted = image.pixelColor(r.topLeft() + QPoint(4, 4));
        const QColor expected = m_view->cellColor(cell.x(), cell.y());
        QVERIFY2(qAbs(painted.red() - expected.red()) <= 2 && qAbs(painted.blue() - expected.blue()) <= 2,
                 qPrintable(QStringLiteral("cell %1,%2: painted %3, expected %4")
                                .arg(cell.x()).arg(cell.y()).arg(painted.name(), expected.name())));
    }
}

void TestConfusionView::hoverNamesTheCellAndItsCounts()
{
    QTest::mouseMove(m_view.get(), m_view->cellRect(0, 1).center());
    QTRY_COMPARE(m_view->hoveredCell(), QPoint(1, 0));
    const QString text = m_view->cellText(0, 1);
    QVERIFY2(text.contains(QStringLiteral("cat")) && text.contains(QStringLiteral("dog")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2 of 10")) && text.contains(QStringLiteral("20.0")), qPrintable(text));
    QTest::mouseMove(m_view.get(), QPoint(2, 2));
    QTRY_COMPARE(m_view->hoveredCell(), QPoint(-1, -1));
}

void TestConfusionView::emptyViewShowsItsMessage()
{
    m_view->clear(QStringLiteral("nothing here"));
    QCOMPARE(m_view->classCount(), 0);
    QSignalSpy spy(m_view.get(), &ConfusionView::cellActivated);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->rect().center());
    QCOMPARE(spy.count(), 0);
    QCOMPARE(m_view->cellAt(m_view->rect().center()), QPoint(-1, -1));
}

QTEST_MAIN(TestConfusionView)
#include "tst_confusion_view.moc"
