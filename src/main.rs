fn main() {
    yew::Renderer::<servicescore_web::App>::new().render();
}
