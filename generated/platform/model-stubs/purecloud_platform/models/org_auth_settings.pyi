from .org import OrgAuthSettings as OrgAuthSettings
