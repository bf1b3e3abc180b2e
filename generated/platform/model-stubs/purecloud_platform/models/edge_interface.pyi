from .edge import EdgeInterface as EdgeInterface
