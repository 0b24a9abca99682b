#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tl {

/// How a weight file fits an architecture, in counts and a few names: a LoadReport made
/// plain (no tensors), so it can cross threads and be put into words without the engine.
struct WeightsFit {
    QString setting;   // what was asked about: a weight file or a run folder
    QString file;      // the weight file read (a run folder's model.pth)
    QString error;     // why the file could not be used; empty when it was read
    QString arch;      // the architecture's name
    qint64 classes = 0;      // the architecture's class count
    qint64 fileClasses = 0;  // the class count of the file's head, when it has one
    QString fileArch;  // the zoo architecture the file's layout belongs to; empty when none
    int matched = 0;
    int missing = 0;
    int unexpected = 0;
    int mismatched = 0;
    QString firstMissing;
    QString firstUnexpected;
    QString firstMismatched;
    bool headReinitialised = false;
    QString logLine;  // the run log's words for the same load

    /// Every tensor of the architecture comes from the file.
    bool complete() const { return error.isEmpty() && missing == 0 && mismatched == 0; }
    /// Training can start from it: nothing but a differing head stands between file and network.
    bool backboneLoads() const { return error.isEmpty() && missing == 0 && (mismatched == 0 || headReinitialised); }
};

/// Puts a WeightsFit into words for the weights chooser ("Backbone loaded (60 of 62 tensors);
/// new 8-class head initialised"), in the user's language.
class WeightsFitText {
    Q_DECLARE_TR_FUNCTIONS(WeightsFitText)
public:
    enum class Verdict { Complete, Backbone, NoFit, Unreadable };
    static Verdict verdict(const WeightsFit& fit);
    static QString describe(const WeightsFit& fit);
    /// What random initialisation means, for the "None" choice.
    static QString randomInitialisation();
    /// While the file is being read.
    static QString checking(const QString& setting);
};

}  // namespace tl

Q_DECLARE_METATYPE(tl::WeightsFit)
