// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SessionLoader: opens model and catalog files off the GUI thread and hands the results
// to the Session. Each request is a QtConcurrent job watched by its own QFutureWatcher,
// so no request is dropped; the jobs run one at a time on the loader's own pool because
// the core reads HDF5 files from one thread at a time (core/io/hdf5_handle.h).
// A failed request leaves the Session as it was and reports the error's text.
// Before a file is read in process it is read once in a child process (FileProbe, issue
// #14): a file that crashes libhdf5 then fails with a message and the app keeps running.
#include "ui/session/file_probe.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>

namespace starlocus::ui {

class Session;

class SessionLoader : public QObject {
    Q_OBJECT
public:
    explicit SessionLoader(Session* session, QObject* parent = nullptr);
    // Waits for the job that is running (HDF5 reads cannot be interrupted); queued,
    // not yet started jobs are discarded.
    ~SessionLoader() override;

    // Keras .h5 (normalisation JSON from `normalizationPath`, else found beside it) or a
    // StarLocus model file.
    void loadModel(const QString& path, const QString& normalizationPath = {});
    // A catalog in the published Green2020 HDF5 layout.
    void loadCatalog(const QString& path);
    // A file whose kind is not known (dropped on the window): a Keras or StarLocus model
    // when it has a model's layout, otherwise read as a catalog (whose reader then names
    // what is missing). Reports through the model or catalog signals.
    void loadFile(const QString& path);

    bool isBusy() const { return pending_ > 0; }
    // Whether a request is still being read by its probe child (it can be cancelled then;
    // an HDF5 read in process cannot).
    bool isProbing() const;
    // Stops every running probe; their requests end with `loadCancelled`.
    void cancelProbes();

signals:
    void busyChanged(bool busy);
    void modelLoadStarted(const QString& path);
    void modelLoaded(const QString& path);
    // `needsNormalization`: a Keras model whose normalisation JSON was neither given nor
    // found beside it; the caller may ask the user for one and try again.
    void modelLoadFailed(const QString& path, const QString& message, bool needsNormalization);
    void catalogLoadStarted(const QString& path);
    void catalogLoaded(const QString& path);
    void catalogLoadFailed(const QString& path, const QString& message);
    void fileLoadStarted(const QString& path);
    void loadCancelled(const QString& path);
    void probingChanged(bool probing);

private:
    void beginJob();
    void endJob();
    // Runs the probe of `path`, then `readInProcess` when it is readable (or no probe ran),
    // else `fail` with the message to show and the probe's result; a cancelled probe ends
    // the request with `loadCancelled`.
    void probeThen(ProbeKind kind, const QString& path, const QString& normalizationPath,
                   std::function<void()> readInProcess,
                   std::function<void(const QString& message, const ProbeResult& result)> fail);
    void readModelInProcess(const QString& path, const QString& normalizationPath);
    void readCatalogInProcess(const QString& path);
    void readFileInProcess(const QString& path);

    Session* session_;
    QThreadPool pool_;
    int pending_ = 0;
    int probing_ = 0;
};

} // namespace starlocus::ui
