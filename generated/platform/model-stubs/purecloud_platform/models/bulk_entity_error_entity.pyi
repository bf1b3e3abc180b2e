from .bulk import BulkEntityErrorEntity as BulkEntityErrorEntity
