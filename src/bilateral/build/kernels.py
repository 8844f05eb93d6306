"""One Jupyter kernel per build worker, reused from report to report.

Starting a kernel and importing pandas, matplotlib and the project's modules into it costs about
2 s of CPU per report, more than most of a report's cells. So a build worker keeps the kernel of its
first report and runs its next reports in it. Before each notebook the kernel is put back in the state
of a fresh one (:data:`RESET`): IPython's namespace and input history are cleared (execution counts
start again at 1), open figures are closed, matplotlib's settings and the house style are restored,
figure and table numbers start again at 1, the tables cached by :func:`bilateral.data.load` are
dropped (so memory does not grow with each report) and the report's own environment variables (where
its figure data go) are set. Modules stay imported: that is the saving. A report therefore sees exactly
what it would see in a new kernel, and its pages are byte-identical either way (the build's tests
compare them).

After each report the kernel also frees what the report held (:data:`CLEANUP`: the namespace, open
figures, cached tables, then the C allocator is asked to return free memory to the system), so that a
kernel waiting for its next report does not hold the last one's memory while the other workers run.

A kernel that fails in any way (an error in a cell, a timeout, a crash), or whose memory has grown past
:data:`MAX_KERNEL_MB` (Python keeps much of what it frees), is shut down, and the next report gets a new one. ``BILATERAL_REUSE_KERNELS=off`` gives every report a new kernel.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

REUSE_ENV = "BILATERAL_REUSE_KERNELS"
#: A kept kernel whose resident memory has grown past this after a report is replaced by a new one, so
#: that a worker's kernel never holds much more than one report's worth (Python keeps freed memory).
MAX_KERNEL_MB = 450

#: Run (silently, outside the history) before each notebook in a reused kernel; ``{env!r}`` is the
#: report's environment variables.
RESET = """
def _bilateral_reset(env):
    import gc
    import os
    import sys

    get_ipython().reset(new_session=True)
    os.environ.update(env)
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib
        import matplotlib.pyplot as plt

        plt.close("all")
        matplotlib.rcdefaults()
    if "bilateral.figures" in sys.modules:
        from bilateral import figures

        figures.setup()
        figures.reset_numbering()
    if "bilateral.data" in sys.modules:
        from bilateral import data

        data._load_cached.cache_clear()
    gc.collect()


_bilateral_reset({env!r})  # the reset also removes the function itself from the namespace
"""

#: Run (silently) after each notebook that succeeded in a kept kernel: drop what the report held and give
#: the freed memory back to the system (glibc's ``malloc_trim``; nothing on other C libraries).
CLEANUP = """
def _bilateral_cleanup():
    import ctypes
    import gc
    import sys

    get_ipython().reset(new_session=True)
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    if "bilateral.data" in sys.modules:
        sys.modules["bilateral.data"]._load_cached.cache_clear()
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


_bilateral_cleanup()
"""


def release_memory() -> None:
    """Collect garbage and give free memory back to the system (a build worker calls this after each report)."""
    import contextlib
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)


_state: dict[str, object] = {"km": None, "finalizer": None}


def reuse_enabled() -> bool:
    return os.environ.get(REUSE_ENV, "").lower() not in ("off", "0", "no")


def shutdown() -> None:
    """Shut the kept kernel down (a worker calls this when it exits; safe to call at any time)."""
    km = _state["km"]
    _state["km"] = None
    if km is None:
        return
    from jupyter_client.utils import run_sync

    try:
        if run_sync(km.is_alive)():
            run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # a kernel that is already gone needs nothing more
        pass


def _keep(km) -> None:
    _state["km"] = km
    if _state["finalizer"] is None:
        # process-pool workers leave through multiprocessing's exit hooks, not atexit
        from multiprocessing import util

        _state["finalizer"] = util.Finalize(None, shutdown, exitpriority=10)


def _alive(km) -> bool:
    from jupyter_client.utils import run_sync

    try:
        return bool(run_sync(km.is_alive)())
    except Exception:
        return False


def _rss_mb(km) -> float:
    """The kernel process's resident memory in MB (0 where it cannot be read: not Linux, not local)."""
    try:
        pid = km.provisioner.process.pid
        with open(f"/proc/{pid}/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except Exception:
        return 0.0


def _failed(nb) -> bool:
    """True if papermill recorded an error in any cell (the kernel's state is then suspect)."""
    if nb.metadata.get("papermill", {}).get("exception"):
        return True
    return any(
        out.get("output_type") == "error" for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
    )


def register_engine() -> str:
    """Register the papermill engine that reuses the worker's kernel; returns its name."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger

    class _Client(PapermillNotebookClient):
        reset_code = ""

        def papermill_execute_cells(self):
            if self.reset_code:
                reply = self.wait_for_reply(self.kc.execute(self.reset_code, silent=True, store_history=False))
                if not reply or reply["content"].get("status") != "ok":
                    raise RuntimeError("could not reset the reused kernel before the notebook")
            super().papermill_execute_cells()

    class ReusedKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            **kwargs,
        ):
            env: Mapping[str, str] = kwargs.pop("kernel_env", {})
            km = _state["km"]
            if km is not None and not _alive(km):
                shutdown()
                km = None
            client = _Client(
                nb_man,
                km=km,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            client.reset_code = RESET.format(env=dict(env))
            ok = False
            try:
                nb = client.execute(cleanup_kc=False)
                ok = not _failed(nb)
                if ok:  # a kernel that cannot clean up is not kept (the report itself is fine)
                    try:
                        reply = client.wait_for_reply(client.kc.execute(CLEANUP, silent=True, store_history=False))
                        ok = bool(reply) and reply["content"].get("status") == "ok"
                    except Exception:
                        ok = False
                return nb
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()
                if client.km is not None:
                    _keep(client.km)
                if not ok or (client.km is not None and _rss_mb(client.km) > MAX_KERNEL_MB):
                    shutdown()

    papermill_engines.register("bilateral-reuse", ReusedKernelEngine)
    return "bilateral-reuse"
