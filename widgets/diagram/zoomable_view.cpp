#include "diagram/zoomable_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace tl {

ZoomableView::ZoomableView(QWidget* parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::NoDrag);
    setFocusPolicy(Qt::StrongFocus);
}

double ZoomableView::zoom() const
{
    return transform().m11();
}

void ZoomableView::setZoom(double factor)
{
    factor = qBound(0.02, factor, 4.0);
    m_fitWidthOnResize = false;  // the user chose a zoom; fitWidth() sets it again after this
    setTransform(QTransform::fromScale(factor, factor));
    Q_EMIT zoomChanged(factor);
}

void ZoomableView::zoomIn()
{
    setZoom(zoom() * 1.25);
}

void ZoomableView::zoomOut()
{
    setZoom(zoom() / 1.25);
}

void ZoomableView::fitToView()
{
    const QRectF r = sceneRect();
    if (r.isEmpty())
        return;
    setZoom(qMin(viewport()->width() / r.width(), viewport()->height() / r.height()));
    centerOn(r.center());
}

void ZoomableView::fitWidth()
{
    const QRectF r = sceneRect();
    if (r.isEmpty())
        return;
    const double f = qMin(1.0, viewport()->width() / r.width());
    setZoom(f);
    centerOn(r.center().x(), r.top() + viewport()->height() / (2 * f));
    m_fitWidthOnResize = true;
}

void ZoomableView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitWidthOnResize)
        fitWidth();
}

void ZoomableView::wheelEvent(QWheelEvent* event)
{
    // A mouse wheel zooms; a touchpad's two-finger scroll (pixel deltas) pans, unless Ctrl is held.
    const bool touchpad = !event->pixelDelta().isNull();
    if (touchpad && !(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    setZoom(zoom() * std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void ZoomableView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_fitWidthOnResize = false;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void ZoomableView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_panning) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const QPoint delta = pos - m_panFrom;
    m_panFrom = pos;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
}

void ZoomableView::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_panning) {
        QGraphicsView::mouseReleaseEvent(event);
        return;
    }
    m_panning = false;
    viewport()->unsetCursor();
}

void ZoomableView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_0:
    case Qt::Key_F: fitToView(); break;
    case Qt::Key_1: setZoom(1.0); break;
    default: QGraphicsView::keyPressEvent(event); return;
    }
    event->accept();
}

}  // namespace tl
