from .org import OrgWhitelistSettings as OrgWhitelistSettings
