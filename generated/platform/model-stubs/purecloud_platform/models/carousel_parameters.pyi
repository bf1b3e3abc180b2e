from .carousel import CarouselParameters as CarouselParameters
