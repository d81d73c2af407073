"""Executors: the same per-article Pipeline run in-process, in a process pool, or on Dask."""
