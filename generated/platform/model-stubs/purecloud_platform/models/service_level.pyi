from .service import ServiceLevel as ServiceLevel
