// The hyperparameter form shows an experiment's values, writes back what the user typed, and
// names the entry that is wrong instead of letting a bad run start.
#include "hyperparameter_form.h"
#include "train/experiment.h"

#include <nlohmann/json.hpp>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace tl;

class TestHyperparameterForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryValue();
    void defaultsAreTheExperimentDefaults();
    void badEntriesAreNamed_data();
    void badEntriesAreNamed();
};

void TestHyperparameterForm::roundTripsEveryValue()
{
    Experiment e;
    e.optim.name = "adamw";
    e.optim.lr = 3e-4;
    e.optim.momentum = 0.8;
    e.optim.weightDecay = 0.05;
    e.schedule.kind = ScheduleKind::Step;
    e.schedule.warmupEpochs = 1.5;
    e.train.epochs = 12;
    e.train.batchSize = 48;
    e.data.imageSize = 160;
    e.train.threads = 3;
    e.train.seed = 42;
    e.optim.labelSmoothing = 0.1;
    e.train.cacheFrozenFeatures = false;
    e.train.earlyStopPatience = 4;
    HyperparameterForm form;
    form.setExperiment(e);
    QVERIFY(form.isValid());
    Experiment out;
    out.name = "kept";
    form.applyTo(out);
    QCOMPARE(out.name, std::string("kept"));
    QCOMPARE(toJson(out).dump(), [&] {
        Experiment expected = e;
        expected.name = "kept";
        return toJson(expected).dump();
    }());
}

void TestHyperparameterForm::defaultsAreTheExperimentDefaults()
{
    HyperparameterForm form;
    QSignalSpy changed(&form, &HyperparameterForm::changed);
    Experiment out;
    out.optim.lr = 123;
    form.applyTo(out);
    QCOMPARE(out.optim.lr, Experiment{}.optim.lr);
    QCOMPARE(form.findChild<QSpinBox*>(QStringLiteral("epochs"))->value(), Experiment{}.train.epochs);
    form.findChild<QSpinBox*>(QStringLiteral("epochs"))->setValue(3);
    QCOMPARE(changed.count(), 1);
    // Momentum belongs to SGD; Adam greys it out.
    auto* optimizer = form.findChild<QComboBox*>(QStringLiteral("optimizer"));
    QVERIFY(form.findChild<QDoubleSpinBox*>(QStringLiteral("momentum"))->isEnabled());
    optimizer->setCurrentIndex(optimizer->findData(QStringLiteral("adam")));
    QVERIFY(!form.findChild<QDoubleSpinBox*>(QStringLiteral("momentum"))->isEnabled());
}

void TestHyperparameterForm::badEntriesAreNamed_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");
    QTest::newRow("lr not a number") << "learningRate" << "fast" << "Learning rate";
    QTest::newRow("lr zero") << "learningRate" << "0" << "Learning rate";
    QTest::newRow("lr negative") << "learningRate" << "-1e-3" << "Learning rate";
    QTest::newRow("decay above one") << "weightDecay" << "2" << "Weight decay";
    QTest::newRow("warm-up too long") << "warmupEpochs" << "10" << "Warm-up";
    QTest::newRow("image size refused") << "imageSize" << "8" << "too small";
}

void TestHyperparameterForm::badEntriesAreNamed()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, named);
    HyperparameterForm form;
    form.setImageSizeCheck([](int size) { return size > 0 && size < 16 ? QStringLiteral("Image size: too small") : QString(); });
    form.show();
    QSignalSpy validity(&form, &HyperparameterForm::validityChanged);
    QWidget* widget = form.findChild<QWidget*>(field);
    QVERIFY(widget);
    if (auto* line = qobject_cast<QLineEdit*>(widget))
        line->setText(text);
    else if (auto* spin = qobject_cast<QSpinBox*>(widget))
        spin->setValue(text.toInt());
    else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(widget))
        dspin->setValue(text.toDouble());
    QVERIFY(!form.isValid());
    QCOMPARE(validity.count(), 1);
    QCOMPARE(validity.front().front().toBool(), false);
    QVERIFY2(form.validationMessage().contains(named), qPrintable(form.validationMessage()));
    auto* label = form.findChild<QLabel*>(QStringLiteral("validationMessage"));
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), form.validationMessage());
    // Putting the default back clears it.
    form.setExperiment(Experiment{});
    QVERIFY(form.isValid());
    QVERIFY(!label->isVisible());
}

QTEST_MAIN(TestHyperparameterForm)
#include "tst_hyperparameter_form.moc"
