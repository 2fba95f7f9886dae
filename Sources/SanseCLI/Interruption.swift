import Foundation
import Sanse
import SanseModel
import SanseOutput

/// Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) end a run without leaving half an
/// output folder. The signals are blocked in every thread and taken by one watcher thread with
/// `sigwait`: it runs ordinary code, so it may take locks and delete folders, which a signal
/// handler may not (neither is async-signal-safe). It removes the unfinished outputs, then
/// ends the process by the same signal, so the shell sees 130 (SIGINT) or 143 (SIGTERM).
enum Interruption {
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Call first thing in `main`, before any other thread starts: threads inherit the mask.
    /// A signal that was ignored when sanse started stays ignored (`nohup`, a background job
    /// of a script): Linux queues a blocked signal even when it is ignored, so it is not
    /// blocked either.
    static func install() {
        let watched = signals.filter { !isIgnored($0) }
        guard !watched.isEmpty else { return }
        var blocked = signalSet(watched)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        Thread { watch(watched) }.start()
    }

    /// Exits with `status` unless an interruption is cleaning up, which then ends the process.
    static func exit(_ status: Int32) -> Never {
        Pipeline.holdOutputsBeforeExit()
        Foundation.exit(status)
    }

    private static func watch(_ watched: [Int32]) {
        var awaited = signalSet(watched)
        var received: Int32 = 0
        guard sigwait(&awaited, &received) == 0 else { return }
        Pipeline.discardUnfinishedOutputsBeforeDying()
        Progress.clear()
        FileHandle.standardError.write(Data("sanse: interrupted (\(String(cString: strsignal(received)))); unfinished outputs removed\n".utf8))
        signal(received, SIG_DFL)
        var unblocked = signalSet(watched)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(received)
        _exit(128 + received)  // not reached: the default action of these signals ends the process
    }

    private static func signalSet(_ numbers: [Int32]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in numbers { sigaddset(&set, number) }
        return set
    }

    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0, let handler = current.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
