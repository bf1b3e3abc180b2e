from .edge import EdgeVersionReport as EdgeVersionReport
