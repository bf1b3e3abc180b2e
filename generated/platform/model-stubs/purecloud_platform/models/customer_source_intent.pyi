from .customer import CustomerSourceIntent as CustomerSourceIntent
