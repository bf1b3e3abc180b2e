from .geolocation import GeolocationSettings as GeolocationSettings
