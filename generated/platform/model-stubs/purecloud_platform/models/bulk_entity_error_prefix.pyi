from .bulk import BulkEntityErrorPrefix as BulkEntityErrorPrefix
