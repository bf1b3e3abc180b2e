from .after import AfterCallWorkUpdate as AfterCallWorkUpdate
