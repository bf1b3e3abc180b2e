from .bulk import BulkJobsListing as BulkJobsListing
