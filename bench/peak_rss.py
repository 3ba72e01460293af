"""Peak memory of a command and, separately, of the processes it starts (git), in MB.

    python3 peak_rss.py COMMAND...     # prints: own_MB children_MB (largest child)

/usr/bin/time -v reports the largest of the process and its waited-for children, which for a
history scan is usually git log with the pack file mapped. This polls /proc/PID/status every 20 ms
for VmHWM (the kernel's own high-water mark) of the command and of each of its child processes."""
import os, subprocess, sys, time


def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid):
    # Each thread's children are listed under that thread (git is started from worker threads).
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(p) for p in f.read().split()]
    except OSError:
        pass
    return found


proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
own, kids = 0, {}
while proc.poll() is None:
    own = max(own, hwm(proc.pid))
    for child in children(proc.pid):
        kids[child] = max(kids.get(child, 0), hwm(child))
    time.sleep(0.02)
print(f"{own / 1024:.0f} {max(kids.values(), default=0) / 1024:.0f}")
