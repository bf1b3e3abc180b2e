from .edge import EdgeVersionInformation as EdgeVersionInformation
