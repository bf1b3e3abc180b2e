from .flow import FlowMilestoneListing as FlowMilestoneListing
