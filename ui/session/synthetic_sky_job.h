// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SyntheticSkyJob: generates the start-up synthetic sky (core::MockSky) off the GUI
// thread with progress and cancel (QtConcurrent + QPromise + QFutureWatcher), and hands
// the finished catalog to the Session. The window stays responsive throughout; a file
// the user opens meanwhile cancels the job (its result would only replace the file).
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <cstdint>
#include <memory>

namespace starlocus::core {
struct Catalog;
}

namespace starlocus::ui {

class Session;

struct SyntheticSkyOutcome {
    std::shared_ptr<const core::Catalog> catalog;
    QString error; // empty on success
};

class SyntheticSkyJob : public QObject {
    Q_OBJECT
public:
    explicit SyntheticSkyJob(Session* session, QObject* parent = nullptr);
    // Cancels a running job and waits for it (the mock checks the flag between blocks).
    ~SyntheticSkyJob() override;

    void start(std::size_t starCount, std::uint64_t seed);
    void cancel();
    bool isRunning() const { return watcher_.isRunning(); }

    // How the catalog is named in the session ("synthetic sky: 200,000 stars, seed 1").
    static QString sourceName(std::size_t starCount, std::uint64_t seed);

signals:
    void started(std::size_t starCount);
    void progressed(int percent);
    void finished(std::size_t starCount);
    void failed(const QString& message);
    void runningChanged(bool running);

private:
    Session* session_;
    QFutureWatcher<SyntheticSkyOutcome> watcher_;
    std::size_t starCount_ = 0;
};

} // namespace starlocus::ui
