from .bulk import BulkEntityErrorNote as BulkEntityErrorNote
