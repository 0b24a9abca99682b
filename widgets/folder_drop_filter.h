#pragma once

#include <QObject>

namespace tl {

/// Lets a whole window take dropped folders: installed on it, it accepts drags that carry local
/// files and reports the first dropped path. Children that take drops themselves keep theirs.
class FolderDropFilter final : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    /// Makes `target` accept drops and routes them here, also those landing on its graphics views.
    void install(QWidget* target);

Q_SIGNALS:
    void pathDropped(const QString& localPath);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace tl
