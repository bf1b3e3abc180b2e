from .management import ManagementUnit as ManagementUnit
