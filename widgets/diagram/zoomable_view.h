#pragma once

#include <QGraphicsView>

namespace tl {

/// A graphics view that navigates like a map: the mouse wheel (or Ctrl with a touchpad) zooms
/// around the pointer, a left or middle drag pans, and keys zoom (+, −, 1) and fit (0, F).
/// Subclasses take the presses they want and pass the rest on for panning.
class ZoomableView : public QGraphicsView {
    Q_OBJECT
public:
    explicit ZoomableView(QWidget* parent = nullptr);

    double zoom() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void setZoom(double factor);
    void fitToView();
    /// Fits the width (at most 100%) and shows the top of the scene; keeps doing so as the view
    /// is resized until the user zooms or pans.
    void fitWidth();

Q_SIGNALS:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    bool m_panning = false;
    bool m_fitWidthOnResize = false;  // a view laid out before its window is shown fits again
    QPoint m_panFrom;
};

}  // namespace tl
