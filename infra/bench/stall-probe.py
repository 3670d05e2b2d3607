#!/usr/bin/env python3
"""Machine stalls, seen from outside OneWindow (capacity.sh; docs/performance.md).

One probe per core, pinned to it, that does nothing but sleep PERIOD and note every wake-up that
came LATE or more after it was due. Run as root it is a real-time thread (SCHED_FIFO), which
preempts every normal process of the machine: a late wake-up then means the core itself did not
run (the hypervisor held the virtual CPU, or the kernel did not schedule), not that OneWindow's
threads were ahead in the queue. Without that right it runs at normal priority, and says so.

    stall-probe.py SECONDS FILE      # writes "cpu<TAB>woke at (epoch ms)<TAB>late ms" lines
"""
import os
import sys
import time

PERIOD = 0.010  # s: about 100 wake-ups a second per core, ~0.3 % of a core
LATE = 20.0  # ms: later than this is written down


def probe(cpu, until, path, parent):
    os.sched_setaffinity(0, {cpu})
    with open(path, "a") as out:
        due = time.monotonic() + PERIOD
        # a probe stops with the run that started it (capacity.sh kills the parent)
        while time.time() < until and os.getppid() == parent:
            time.sleep(max(0.0, due - time.monotonic()))
            now = time.monotonic()
            late = (now - due) * 1000
            if late > LATE:
                out.write(f"{cpu}\t{int(time.time() * 1000)}\t{late:.1f}\n")
                out.flush()
            due = max(due + PERIOD, now)


def main():
    seconds, path = float(sys.argv[1]), sys.argv[2]
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(50))
        priority = "real-time (SCHED_FIFO 50)"
    except PermissionError:
        priority = "normal (no right to real-time priority: a late wake-up may be queueing)"
    with open(path + ".priority", "w") as note:
        note.write(priority + "\n")
    until = time.time() + seconds
    children, parent = [], os.getpid()
    for cpu in sorted(os.sched_getaffinity(0)):
        pid = os.fork()
        if pid == 0:
            probe(cpu, until, path, parent)
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
