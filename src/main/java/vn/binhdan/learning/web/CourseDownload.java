package vn.binhdan.learning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import vn.binhdan.learning.CourseService;

/** A course package as a download, for the authoring page and the API alike. */
final class CourseDownload {

    private CourseDownload() {
    }

    static void write(CourseService courses, String code, HttpServletResponse response) throws IOException {
        courses.checkAuthor();
        String canonical = courses.get(code).code();
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(canonical + ".zip").build().toString());
        // written in the request's thread, where the author's identity is known
        courses.export(canonical, response.getOutputStream());
    }
}
