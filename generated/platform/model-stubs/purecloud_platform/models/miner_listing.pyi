from .miner import MinerListing as MinerListing
