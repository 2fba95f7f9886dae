#!/usr/bin/env python3
"""The viewer's time to first draw in headless Chromium, from file:// as a planner opens it.

    python3 bench/viewer_first_draw.py OUTPUT_DIR [OUTPUT_DIR ...] [--repeats 3] [--json FILE]

Each OUTPUT_DIR is a finished `sanse run` folder (its index.html). For each, `repeats` times in
a fresh browser (the files are in the page cache after the first): the page is opened and
timed from navigation start to the county layers drawn (the viewer's `sanse-county-frame`
mark: the first animation frame after blocks, outlines, control line and towns are painted);
then the town with the most parcels is picked in the town filter and timed from the pick to
its parcels drawn (`sanse-town-picked` → `sanse-town-frame`). Also the bytes the browser
loaded for the county view (index.html and every script and style sheet it loaded before
the county was drawn, from the files' sizes on disk) and for the town. Prints a Markdown
table; --json writes the figures.

Standard library only; Chromium is driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: commands on its fd 3, replies on fd 4, NUL-terminated JSON).
"""
import argparse
import json
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


class Browser:
    def __init__(self, width=1400, height=900):
        self.profile = tempfile.mkdtemp(prefix="sanse-bench-chromium-")
        to_browser = os.pipe()
        from_browser = os.pipe()

        def wire():
            # Copies first: the pipe may itself be fds 3 and 4 (and dup2 onto itself would
            # leave it close-on-exec).
            commands, replies = os.dup(to_browser[0]), os.dup(from_browser[1])
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
             "--hide-scrollbars", f"--window-size={width},{height}", f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=wire,
            close_fds=False)  # closing would also close fds 3 and 4 made by wire()
        os.close(to_browser[0])
        os.close(from_browser[1])
        os.set_inheritable(to_browser[1], False)
        os.set_inheritable(from_browser[0], False)
        self.commands, self.replies = to_browser[1], from_browser[0]
        self.buffer = b""
        self.next_id = 1
        self.session = None
        self.loaded = False
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, session=False)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def close(self):
        try:
            self.call("Browser.close", session=False, timeout=10)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.commands)
        os.close(self.replies)
        shutil.rmtree(self.profile, ignore_errors=True)

    def call(self, method, params=None, session=True, timeout=120):
        message_id = self.next_id
        self.next_id += 1
        message = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self.read(deadline)
            if reply is not None and reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def read(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self.replies], [], [], left)
            if ready:
                chunk = os.read(self.replies, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed its pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        message = json.loads(message)
        if message.get("method") == "Page.loadEventFired":
            self.loaded = True
        return message if "id" in message else None

    def open(self, url, timeout=120):
        self.loaded = False
        self.call("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while not self.loaded:
            self.read(deadline)

    def evaluate(self, expression, timeout=120):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True},
                           timeout=timeout)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, condition, timeout=120):
        deadline = time.monotonic() + timeout
        while not self.evaluate(f"Boolean({condition})"):
            if time.monotonic() > deadline:
                raise TimeoutError(condition)
            time.sleep(0.02)


def page_bytes(folder, loaded):
    """index.html, the scripts and style sheets it names, and the data scripts the viewer
    loaded (file:// loads leave no resource timing entries, so the sizes come from the disk)."""
    folder = Path(folder)
    page = (folder / "index.html").read_text(encoding="utf-8")
    static = re.findall(r'(?:src|href)="(web/[^"]+)"', page)
    return sum((folder / name).stat().st_size for name in ["index.html"] + static + loaded)


def measure(folder):
    page = (Path(folder) / "index.html").resolve()
    browser = Browser()
    try:
        browser.open(page.as_uri())
        browser.evaluate("sanseViewer.ready")
        browser.wait_for("sanseViewer.stats['sanse-county-frame']")
        county_ms = browser.evaluate("sanseViewer.stats['sanse-county-frame']")
        county_bytes = page_bytes(folder, browser.evaluate("sanseViewer.stats.countyFiles"))
        drawn = browser.evaluate("sanseViewer.stats.drawn.blocks")
        town, name, parcels, script = browser.evaluate(
            "(() => { const towns = sanseViewer.app.manifest.towns; let best = 0;"
            " towns.forEach((t, i) => { if (t.parcels > towns[best].parcels) best = i; });"
            " return [best, towns[best].name, towns[best].parcels, towns[best].file]; })()")
        browser.evaluate(
            f"(() => {{ const s = document.getElementById('town'); s.value = '{town}';"
            " s.dispatchEvent(new Event('change')); })()")
        browser.wait_for("sanseViewer.stats['sanse-town-frame'] > sanseViewer.stats['sanse-town-picked']")
        town_ms = browser.evaluate("sanseViewer.stats['sanse-town-frame'] - sanseViewer.stats['sanse-town-picked']")
        data = "data-gcj02" if "crs=gcj02" in page.as_uri() else "data"
        town_bytes = (Path(folder) / "web" / data / script).stat().st_size
        return {"county_ms": county_ms, "county_bytes": county_bytes, "blocks_drawn": drawn, "town": name,
                "town_parcels": parcels, "town_ms": town_ms, "town_bytes": town_bytes,
                "parcels_drawn": browser.evaluate("sanseViewer.stats.drawn.parcels")}
    finally:
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    figures = []
    for folder in args.folders:
        runs = [measure(folder) for _ in range(args.repeats)]
        run = runs[0]
        manifest = json.loads((Path(folder) / "run.json").read_text(encoding="utf-8"))
        figures.append({
            "folder": str(folder), "parcels": manifest["counts"]["parcels"], "blocks": manifest["counts"]["blocks"],
            "county_ms": [r["county_ms"] for r in runs], "town_ms": [r["town_ms"] for r in runs],
            "county_bytes": run["county_bytes"], "blocks_drawn": run["blocks_drawn"], "town": run["town"],
            "town_parcels": run["town_parcels"], "parcels_drawn": run["parcels_drawn"], "town_bytes": run["town_bytes"],
        })
        county, town = [round(r["county_ms"]) for r in runs], [round(r["town_ms"]) for r in runs]
        print(f"{folder}: county {county} ms, town {town} ms", file=sys.stderr)
    print("| parcels | blocks | county view (median) | bytes loaded | town (parcels) "
          "| town's parcels (median) | town bytes |")
    print("|---:|---:|---:|---:|---|---:|---:|")
    for f in figures:
        print(f"| {f['parcels']:,} | {f['blocks']:,} | {statistics.median(f['county_ms']) / 1000:.2f} s "
              f"| {f['county_bytes'] / 1e6:.1f} MB | {f['town']} ({f['town_parcels']:,}) "
              f"| {statistics.median(f['town_ms']) / 1000:.2f} s | {f['town_bytes'] / 1e6:.2f} MB |")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
