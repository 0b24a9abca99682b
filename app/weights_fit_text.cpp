#include "weights_fit_text.h"

#include <QDir>
#include <QFileInfo>

namespace tl {

namespace {

QString shownName(const QString& path)
{
    const QString name = QFileInfo(QDir::cleanPath(path)).fileName();
    return name.isEmpty() ? path : name;
}

// The engine's messages start with the path it failed on; the sentence names the file already.
QString reasonOf(const WeightsFit& fit)
{
    for (const QString& path : {fit.file, fit.setting}) {
        const QString prefix = path + QStringLiteral(": ");
        if (!path.isEmpty() && fit.error.startsWith(prefix))
            return fit.error.mid(prefix.size());
    }
    return fit.error;
}

}  // namespace

WeightsFitText::Verdict WeightsFitText::verdict(const WeightsFit& fit)
{
    if (!fit.error.isEmpty())
        return Verdict::Unreadable;
    if (fit.complete())
        return Verdict::Complete;
    return fit.backboneLoads() ? Verdict::Backbone : Verdict::NoFit;
}

QString WeightsFitText::describe(const WeightsFit& fit)
{
    const int total = fit.matched + fit.missing + fit.mismatched;
    switch (verdict(fit)) {
    case Verdict::Unreadable:
        return tr("Cannot use %1: %2").arg(shownName(fit.setting), reasonOf(fit));
    case Verdict::Complete:
        if (fit.unexpected == 0)
            return tr("All %1 tensors loaded").arg(fit.matched);
        return tr("All %1 tensors loaded; %2 tensors of the file are not used (e.g. %3)")
            .arg(fit.matched)
            .arg(fit.unexpected)
            .arg(fit.firstUnexpected);
    case Verdict::Backbone: {
        QString text = tr("Backbone loaded (%1 of %2 tensors); new %3-class head initialised")
                           .arg(fit.matched)
                           .arg(total)
                           .arg(fit.classes);
        if (fit.fileClasses > 0)
            text += QLatin1Char('\n') + tr("The file's head has %1 classes.").arg(fit.fileClasses);
        return text;
    }
    case Verdict::NoFit: break;
    }
    QStringList counts;
    if (fit.missing > 0)
        counts << tr("%1 missing").arg(fit.missing);
    if (fit.unexpected > 0)
        counts << tr("%1 unexpected").arg(fit.unexpected);
    if (fit.mismatched > 0)
        counts << tr("%1 with another shape").arg(fit.mismatched);
    const QString example = !fit.firstMissing.isEmpty()      ? fit.firstMissing
                          : !fit.firstMismatched.isEmpty() ? fit.firstMismatched
                                                           : fit.firstUnexpected;
    QString text = tr("Does not fit %1: %2 — e.g. %3").arg(fit.arch, counts.join(QStringLiteral(", ")), example);
    if (!fit.fileArch.isEmpty() && fit.fileArch != fit.arch)
        text += QLatin1Char('\n') + tr("The file holds %1 weights.").arg(fit.fileArch);
    text += QLatin1Char('\n') + tr("Training cannot start from it: choose other weights or None.");
    return text;
}

QString WeightsFitText::randomInitialisation()
{
    return tr("Random initialisation: every layer starts from scratch.");
}

QString WeightsFitText::checking(const QString& setting)
{
    return tr("Checking %1…").arg(shownName(setting));
}

}  // namespace tl
