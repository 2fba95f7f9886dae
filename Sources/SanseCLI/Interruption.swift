import Foundation
import Sanse

/// Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) end a run without leaving half an
/// output folder. The signals are blocked in every thread and taken by one watcher thread with
/// `sigwait`: it runs ordinary code, so it may take locks and delete folders, which a signal
/// handler may not (neither is async-signal-safe). It removes the unfinished outputs, then
/// ends the process by the same signal, so the shell sees 130 (SIGINT) or 143 (SIGTERM).
enum Interruption {
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Call first thing in `main`, before any other thread starts: threads inherit the mask.
    static func install() {
        var blocked = signalSet()
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        Thread { watch() }.start()
    }

    /// Exits with `status` unless an interruption is cleaning up, which then ends the process.
    static func exit(_ status: Int32) -> Never {
        Pipeline.holdOutputsBeforeExit()
        Foundation.exit(status)
    }

    private static func watch() {
        var awaited = signalSet()
        var received: Int32 = 0
        guard sigwait(&awaited, &received) == 0 else { return }
        Pipeline.discardUnfinishedOutputsBeforeDying()
        Progress.clear()
        FileHandle.standardError.write(Data("sanse: interrupted (\(String(cString: strsignal(received)))); unfinished outputs removed\n".utf8))
        signal(received, SIG_DFL)
        var unblocked = signalSet()
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(received)
        _exit(128 + received)  // not reached: the default action of these signals ends the process
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        return set
    }
}
