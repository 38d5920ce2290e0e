#!/usr/bin/env python3
"""A real full disk: `facilita run --headless` with its data directory on a tiny
tmpfs. Fellows answer (acked), the disk fills up, more answers and a remote
command get `storage` (the server logs it once), the fellows keep those answers
queued; space comes back, they resend, every answer lands once. `facilita
export` then shows every acknowledged answer exactly once.

With --console the same runs against the windowed console (under Xvfb): its
state dump and a screenshot must show the storage banner while the disk is
full, and no banner once writes work again.

Needs to mount a tmpfs (root, or a user namespace); otherwise exits 77 (skipped).
Usage: full_disk.py FACILITA MODULE [--console]"""
import base64, json, os, shutil, signal, socket, struct, subprocess, sys, tempfile, time, urllib.request

SKIP = 77
TOKEN = "full-disk-admin-token-0123456789"
PROMPT, SECTION = "q-problema-publico", "cocreacion"


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


class Fellow:
    """A WebSocket client in a few lines (RFC 6455: masked text frames out)."""

    def __init__(self, port, name):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.sock.recv(4096)
            if not chunk:
                fail("handshake closed")
            data += chunk
        head, self.buf = data.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            fail("no WebSocket upgrade: " + head.decode(errors="replace"))
        self.send({"type": "hello", "name": name})
        welcome = self.read_type("welcome")
        self.id = welcome["participant"]
        self.name = name

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send(self, obj, opcode=1):
        payload = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
        n = len(payload)
        head = bytes([0x80 | opcode])
        head += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n)
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def recv(self):
        b0, b1 = self._read(2)
        n = b1 & 0x7F
        if n == 126:
            n = struct.unpack(">H", self._read(2))[0]
        elif n == 127:
            n = struct.unpack(">Q", self._read(8))[0]
        payload = self._read(n)
        op = b0 & 0x0F
        if op == 9:
            self.send(payload, opcode=10)
            return None
        if op == 8:
            raise ConnectionError("closed by server")
        return json.loads(payload) if op == 1 else None

    def read_type(self, *types, seq=None, timeout=5.0):
        end = time.time() + timeout
        while time.time() < end:
            self.sock.settimeout(max(0.05, end - time.time()))
            try:
                m = self.recv()
            except socket.timeout:
                break
            if m and m.get("type") in types and (seq is None or m.get("seq") == seq):
                return m
        fail(f"{getattr(self, 'name', '?')}: no {types} (seq {seq}) within {timeout} s")


def admin(port, command):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/admin", data=json.dumps(command).encode(),
                                 headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def fill(path):
    """Writes until the file system is full; returns the bytes written."""
    written = 0
    with open(path, "wb", buffering=0) as f:
        try:
            while True:
                written += f.write(b"\0" * 65536)
        except OSError:
            pass
        try:
            while True:
                written += f.write(b"\0" * 512)
        except OSError:
            pass
    return written


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def console_shows_alarm(dump_path, tmp):
    """(failing, banner text, share of the banner's red on screen) as the console shows them now."""
    try:
        with open(dump_path) as f:
            storage = json.load(f).get("storage", {})
    except (OSError, ValueError):
        storage = {}
    shot = os.path.join(tmp, "screen.png")
    subprocess.run(["import", "-window", "root", shot], capture_output=True)
    if os.environ.get("FULL_DISK_SHOTS"):  # keep the pictures to look at
        shutil.copy(shot, os.path.join(os.environ["FULL_DISK_SHOTS"], f"console-{int(time.time() * 1000)}.png"))
    red = subprocess.run(["convert", shot, "-fuzz", "3%", "-fill", "black", "+opaque", "rgb(170,20,20)", "-fill", "white",
                          "-opaque", "rgb(170,20,20)", "-colorspace", "Gray", "-format", "%[fx:mean]", "info:"],
                         capture_output=True, text=True).stdout.strip()
    return storage.get("failing", False), storage.get("banner", ""), float(red or 0)


def main():
    facilita, module = sys.argv[1], sys.argv[2]
    console = "--console" in sys.argv[3:]
    tmp = tempfile.mkdtemp(prefix="facilita-full-disk-")
    mnt = os.path.join(tmp, "mnt")
    os.makedirs(mnt)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", mnt], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"SKIP: cannot mount a tmpfs here ({r.stderr.strip() or 'not permitted'}); "
              "this test needs root or CAP_SYS_ADMIN to make a real full disk")
        shutil.rmtree(tmp, ignore_errors=True)
        return SKIP
    server = None
    try:
        data = os.path.join(mnt, "data")
        log = open(os.path.join(tmp, "run.log"), "w+")
        dump = os.path.join(tmp, "state.json")
        port = free_port() if console else None
        args = [facilita, "run", "--port", str(port or 0), "--bind", "127.0.0.1", "--admin-token", TOKEN,
                "--data", data, module]
        args += ["--dump-state", dump, "--lang", "en", "--single-window", "--console"] if console else ["--headless"]
        server = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
        for _ in range(150):
            if console:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/api/state", timeout=1).read()
                    break
                except OSError:
                    pass
            else:
                log.seek(0)
                for line in log.read().splitlines():
                    if line.startswith(("listening on ", "escuchando en ")):
                        port = int(line.rsplit(":", 1)[1])
                if port:
                    break
            if server.poll() is not None:
                break
            time.sleep(0.1)
        if not port or server.poll() is not None:
            log.seek(0)
            fail("server did not start: " + log.read())
        for cmd in ({"command": "start"}, {"command": "goto", "section": SECTION}, {"command": "open", "prompt": PROMPT}):
            status, body = admin(port, cmd)
            if status != 200:
                fail(f"{cmd}: HTTP {status} {body}")

        fellows = [Fellow(port, f"Persona {i}") for i in range(8)]
        expected = {}  # participant -> value, for every answer that must be in the export
        # Before: half the room answers; every answer is acknowledged.
        for i, f in enumerate(fellows[:4]):
            value = f"antes-{i}" if i else "=cmd|' /C calc'!A0"
            f.send({"type": "answer", "prompt": PROMPT, "value": value, "seq": 1})
            f.read_type("ack", seq=1)
            expected[f.id] = value
        print("ok   4 answers acknowledged before the disk fills")

        filler = os.path.join(mnt, "filler")
        print(f"     filled the tmpfs with {fill(filler)} bytes")
        queued = {}
        for i, f in enumerate(fellows[4:], start=4):
            value = f"durante-{i}"
            f.send({"type": "answer", "prompt": PROMPT, "value": value, "seq": 1})
            m = f.read_type("ack", "error", seq=1)
            if m["type"] == "ack":
                expected[f.id] = value  # it fitted after all: acknowledged, so it must be there
            elif m.get("code") == "storage":
                if "/" in m.get("message", ""):
                    fail("a storage error to a fellow names a path: " + m["message"])
                queued[f] = value  # the page / follower keeps it and resends
            else:
                fail(f"unexpected error: {m}")
        if not queued:
            fail("no answer got `storage` on a full disk")
        print(f"ok   {len(queued)} answers got `storage` on the full disk and stay queued")
        status, body = admin(port, {"command": "pause"})
        if status != 503 or body.get("code") != "storage":
            fail(f"pause on a full disk: HTTP {status} {body}")
        print("ok   the remote's pause got 503 storage")
        time.sleep(0.5)
        log.seek(0)
        text = log.read()
        if console:
            failing, banner, red = console_shows_alarm(dump, tmp)
            if not failing or not banner.startswith("NOT SAVING") or red < 0.005:
                fail(f"the console does not show the storage banner (failing {failing}, banner {banner!r}, red {red})")
            print(f"ok   the console shows the banner ({red:.1%} of the screen): {banner[:60]}…")
        else:
            # The session is in Spanish: so is its log ("STORAGE FAILING (fellow)" in English).
            alarm, source = "FALLA EL ALMACENAMIENTO", "participantes"
            if alarm not in text or source not in text:
                fail("the headless log does not report the storage failure: " + text)
            if text.count(alarm) > 5:
                fail("the storage failure is logged on every retry: " + text)
            print("ok   the log reports it: " + next(l for l in text.splitlines() if alarm in l)[:120] + "…")

        # Still full: a resend fails again, nothing is lost or doubled.
        f0 = next(iter(queued))
        f0.send({"type": "answer", "prompt": PROMPT, "value": queued[f0], "seq": 1})
        if f0.read_type("ack", "error", seq=1).get("code") != "storage":
            fail("a resend on a still-full disk did not get storage")

        os.remove(filler)
        deadline = time.time() + 15
        while queued and time.time() < deadline:
            for f, value in list(queued.items()):
                f.send({"type": "answer", "prompt": PROMPT, "value": value, "seq": 1})
                m = f.read_type("ack", "error", seq=1)
                if m["type"] == "ack":
                    expected[f.id] = value
                    del queued[f]
                elif m.get("code") != "storage":
                    fail(f"resend: {m}")
            time.sleep(0.2)
        if queued:
            fail(f"{len(queued)} answers never landed after space came back")
        print("ok   space came back: every queued answer was resent and acknowledged")
        time.sleep(0.5)
        log.seek(0)
        if console:
            failing, banner, red = console_shows_alarm(dump, tmp)
            if failing or banner or red > 0.001:
                fail(f"the banner stays after recovery (failing {failing}, red {red})")
            print("ok   the banner went away with the first good write")
        elif "vuelve a aceptar escrituras" not in log.read():
            fail("the log does not say storage recovered")
        status, body = admin(port, {"command": "pause"})
        if status != 200:
            fail(f"pause after recovery: HTTP {status} {body}")

        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
        server = None
        csv = subprocess.run([facilita, "export", "--data", data, "--format", "csv", "--table", "answers"],
                             capture_output=True, text=True)
        if csv.returncode != 0:
            fail("export failed: " + csv.stderr)
        rows = [l for l in csv.stdout.splitlines()[1:] if l]
        if len(rows) != len(expected):
            fail(f"export has {len(rows)} answers, {len(expected)} were acknowledged:\n" + csv.stdout)
        for value in expected.values():
            shown = "'" + value if value.startswith("=") else value
            hits = sum(shown in row for row in rows)
            if hits != 1:
                fail(f"answer {value!r} appears {hits} times in the export:\n" + csv.stdout)
        if ",=" in csv.stdout or ',"=' in csv.stdout:
            fail("a formula reached the CSV unneutralised:\n" + csv.stdout)
        print(f"ok   export: all {len(expected)} acknowledged answers present once (formula neutralised)")
        print("6 passed, 0 failed")
        return 0
    finally:
        if server:
            server.kill()
            server.wait()
        subprocess.run(["umount", mnt], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
