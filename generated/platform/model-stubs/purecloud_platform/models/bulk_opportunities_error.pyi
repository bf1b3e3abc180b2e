from .bulk import BulkOpportunitiesError as BulkOpportunitiesError
