from .employer import EmployerInfo as EmployerInfo
