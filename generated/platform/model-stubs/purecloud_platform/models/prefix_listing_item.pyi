from .prefix import PrefixListingItem as PrefixListingItem
