from .customer import CustomerIntentPatch as CustomerIntentPatch
