from .terminate import TerminateJob as TerminateJob
