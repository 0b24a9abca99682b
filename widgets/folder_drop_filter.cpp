#include "folder_drop_filter.h"

#include <QDropEvent>
#include <QGraphicsView>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace tl {

namespace {

QString firstLocalPath(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

}  // namespace

void FolderDropFilter::install(QWidget* target)
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
    // A graphics view takes drops by default and would swallow a folder dropped on it.
    for (QGraphicsView* view : target->findChildren<QGraphicsView*>())
        view->viewport()->installEventFilter(this);
}

bool FolderDropFilter::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDropEvent*>(event);
        if (firstLocalPath(drag->mimeData()).isEmpty())
            return false;
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        const QString path = firstLocalPath(drop->mimeData());
        if (path.isEmpty())
            return false;
        drop->acceptProposedAction();
        Q_EMIT pathDropped(path);
        return true;
    }
    default: return QObject::eventFilter(watched, event);
    }
}

}  // namespace tl
