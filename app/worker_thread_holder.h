#pragma once

#include <QObject>
#include <QThread>

#include <memory>

namespace tl {

/// Owns a QThread and the worker object moved onto it: the thread starts with the holder, and
/// the holder's destructor quits the thread, waits for it and only then deletes the worker, so
/// no slot can run on a deleted object. The worker's long jobs must watch their own cancel flag.
class WorkerThreadHolder final {
public:
    explicit WorkerThreadHolder(std::unique_ptr<QObject> worker, const QString& name)
        : m_worker(std::move(worker))
    {
        m_thread.setObjectName(name);
        m_worker->moveToThread(&m_thread);
        m_thread.start();
    }
    ~WorkerThreadHolder()
    {
        m_thread.quit();
        m_thread.wait();
    }
    WorkerThreadHolder(const WorkerThreadHolder&) = delete;
    WorkerThreadHolder& operator=(const WorkerThreadHolder&) = delete;

    QObject* worker() const { return m_worker.get(); }

private:
    QThread m_thread;
    std::unique_ptr<QObject> m_worker;  // declared after the thread: destroyed first, once it has stopped
};

}  // namespace tl
