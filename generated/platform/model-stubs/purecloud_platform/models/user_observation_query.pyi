from .user import UserObservationQuery as UserObservationQuery
