from .campaign import CampaignTimeSlot as CampaignTimeSlot
