#pragma once

#include "weights/state_dict.h"

#include <torch/torch.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cmath>

namespace tl::test {

/// The tensor of a state_dict by name, or an undefined tensor.
inline torch::Tensor tensorNamed(const StateDict& dict, const std::string& name)
{
    for (const NamedTensor& t : dict)
        if (t.name == name)
            return t.tensor;
    return {};
}

/// Compares a tensor with a reference entry {"dtype", "shape", "values"}; empty when equal,
/// else what differs.
inline QString compareWithReference(const torch::Tensor& t, const QJsonObject& reference)
{
    if (!t.defined())
        return QStringLiteral("missing");
    if (QString::fromStdString(dtypeName(t.scalar_type())) != reference.value(QStringLiteral("dtype")).toString())
        return QStringLiteral("dtype %1").arg(QString::fromStdString(dtypeName(t.scalar_type())));
    const QJsonArray shape = reference.value(QStringLiteral("shape")).toArray();
    if (t.dim() != shape.size())
        return QStringLiteral("rank");
    for (int d = 0; d < shape.size(); ++d)
        if (t.size(d) != shape[d].toInteger())
            return QStringLiteral("shape");
    const QJsonArray values = reference.value(QStringLiteral("values")).toArray();
    const torch::Tensor flat = t.to(torch::kDouble).contiguous().flatten();
    if (flat.numel() != values.size())
        return QStringLiteral("numel");
    for (int i = 0; i < values.size(); ++i)
        if (flat[i].item<double>() != values[i].toDouble())
            return QStringLiteral("value %1: %2 vs %3").arg(i).arg(flat[i].item<double>()).arg(values[i].toDouble());
    return {};
}

inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
}

}  // namespace tl::test
