import Foundation

/// What SIGINT and SIGTERM do: run the registered cleanups (delete the staging folder, release the
/// lock) and exit with 128 + the signal's number, except inside `protect`, where the signal waits
/// until the protected step is done. Putting a written report in place is protected, so a signal
/// leaves either the previous report or the new one, never a mixture.
///
/// The signal handler only writes the signal's number to a pipe (all a handler may safely do);
/// a thread of its own reads the pipe and does the rest, so a signal is handled even while every
/// worker is busy training.
public final class Interruption: @unchecked Sendable {
    /// The process's one instance.
    public static let shared = Interruption()

    private let lock = NSLock()
    private var cleanups: [(id: Int, run: @Sendable () -> Void)] = []
    private var nextID = 0
    private var protectedDepth = 0
    private var pendingSignal: Int32?
    private var installed = false

    /// A registered cleanup, for `remove`.
    public struct Token: Sendable { fileprivate let id: Int }

    /// Installs the handlers of SIGINT and SIGTERM (once).
    public func install() {
        let alreadyInstalled = lock.withLock { () -> Bool in
            defer { installed = true }
            return installed
        }
        guard !alreadyInstalled else { return }
        // A process may start with the signals blocked (its parent's mask is inherited through exec);
        // the threads started from here on inherit this one's mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        signalPipeWriteEnd = ends[1]
        let readEnd = ends[0]
        let thread = Thread { [self] in
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1 { handle(Int32(byte)) }
        }
        thread.name = "signals"
        thread.start()
        for signalNumber in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = forwardSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signalNumber, &action, nil)
        }
    }

    /// Registers `cleanup` to run if the process is interrupted; the last registered runs first.
    @discardableResult
    public func onInterrupt(_ cleanup: @escaping @Sendable () -> Void) -> Token {
        lock.withLock {
            nextID += 1
            cleanups.append((nextID, cleanup))
            return Token(id: nextID)
        }
    }

    /// Unregisters a cleanup whose work is done.
    public func remove(_ token: Token) {
        lock.withLock { cleanups.removeAll { $0.id == token.id } }
    }

    /// Runs `body` with signals held back until it returns.
    public func protect<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        lock.withLock { protectedDepth += 1 }
        defer {
            let pending = lock.withLock { () -> Int32? in
                protectedDepth -= 1
                return protectedDepth == 0 ? pendingSignal : nil
            }
            if let pending { handle(pending) }
        }
        return try body()
    }

    private func handle(_ signalNumber: Int32) {
        lock.lock()
        if protectedDepth > 0 {
            pendingSignal = signalNumber
            lock.unlock()
            return
        }
        // The lock stays held: nothing can start a protected step while the cleanups run.
        for cleanup in cleanups.reversed() { cleanup.run() }
        fflush(nil)
        _exit(128 + signalNumber)
    }
}

/// The write end of the pipe the signal handler writes to (set once, before the handler is installed).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// The signal handler: one byte, the signal's number, into the pipe.
private func forwardSignal(_ signalNumber: Int32) {
    var byte = UInt8(truncatingIfNeeded: signalNumber)
    _ = write(signalPipeWriteEnd, &byte, 1)
}
