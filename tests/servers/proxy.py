"""A loopback TCP proxy that cuts its first N connections after a random number of bytes."""

from __future__ import annotations

import contextlib
import random
import socket
import threading


class CuttingProxy:
    """Forwards 127.0.0.1:<port> to ``target``; connection i < ``cuts`` dies after a random
    number of bytes (both directions counted) drawn from [``low``, ``high``]."""

    def __init__(self, target_port: int, *, cuts: int, low: int, high: int, seed: int = 5) -> None:
        self.target_port = target_port
        self.cuts = cuts
        self.low, self.high = low, high
        self.random = random.Random(seed)
        self.connections = 0
        self.cut_done = 0
        self.limits: list[int] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> CuttingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                index = self.connections
                self.connections += 1
                limit = self.random.randint(self.low, self.high) if index < self.cuts else None
                if limit is not None:
                    self.limits.append(limit)
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            _Pair(self, client, server, limit).start()


class _Pair:
    def __init__(
        self, proxy: CuttingProxy, client: socket.socket, server: socket.socket, limit: int | None
    ) -> None:
        self.proxy, self.client, self.server, self.limit = proxy, client, server, limit
        self.count = 0
        self.lock = threading.Lock()
        self.closed = False

    def start(self) -> None:
        for source, sink in ((self.client, self.server), (self.server, self.client)):
            threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _close(self, cut: bool) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        if cut:
            with self.proxy._lock:
                self.proxy.cut_done += 1
        for s in (self.client, self.server):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if self.limit is not None:
                    with self.lock:
                        room = self.limit - self.count
                        self.count += len(data)
                    if room <= len(data):
                        with contextlib.suppress(OSError):
                            sink.sendall(data[: max(room, 0)])
                        self._close(cut=True)
                        return
                sink.sendall(data)
        except OSError:
            pass
        self._close(cut=False)
