from .customer import CustomerIntent as CustomerIntent
